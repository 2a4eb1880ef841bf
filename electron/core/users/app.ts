/** Users of the book: list, create, update, log in / switch (the session's acting user). */
import { defineHandlers } from '../service/handlers';
import { createUser, findUser, listUsers, updateUser, verifyLogin } from './users';

export const usersHandlers = defineHandlers({
  'users.list': (_req, s) => {
    const book = s.requireBook();
    return { current: findUser(book, s.user), users: listUsers(book) };
  },
  'users.create': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => createUser(book, req));
  },
  'users.update': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => updateUser(book, req));
  },
  'users.login': (req, s) => {
    const book = s.requireBook();
    const name = verifyLogin(book, req.name, req.password);
    const from = s.user;
    s.user = name;
    book.user = name;
    book.tx(() => book.audit({ action: 'user.login', entity: 'user', entityId: name, before: { user: from }, after: { user: name } }));
    return { user: name };
  },
});
