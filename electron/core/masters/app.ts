/** Master data channels: each handler is one audited transaction. */
import { defineHandlers } from '../service/handlers';
import { listCategories, updateCategory } from './categories';
import { lookup } from './lookup';
import {
  createCustomer,
  createDepartment,
  createEmployee,
  customerRow,
  departmentRow,
  employeeRow,
  listDepartments,
  pageCustomers,
  pageEmployees,
  setPartyActive,
  updateCustomer,
  updateDepartment,
  updateEmployee,
} from './parties';

export const mastersHandlers = defineHandlers({
  'customers.page': (req, s) => pageCustomers(s.requireBook(), req),
  'customers.create': (req, s) => s.requireBook().tx(() => createCustomer(s.requireBook(), req)),
  'customers.update': (req, s) => s.requireBook().tx(() => updateCustomer(s.requireBook(), req)),
  'customers.setActive': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => (setPartyActive(book, 'customer', req.id, req.active), customerRow(book, req.id)));
  },
  'employees.page': (req, s) => pageEmployees(s.requireBook(), req),
  'employees.create': (req, s) => s.requireBook().tx(() => createEmployee(s.requireBook(), req)),
  'employees.update': (req, s) => s.requireBook().tx(() => updateEmployee(s.requireBook(), req)),
  'employees.setActive': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => (setPartyActive(book, 'employee', req.id, req.active), employeeRow(book, req.id)));
  },
  'departments.list': (req, s) => listDepartments(s.requireBook(), req.includeInactive ?? false),
  'departments.create': (req, s) => s.requireBook().tx(() => createDepartment(s.requireBook(), req)),
  'departments.update': (req, s) => s.requireBook().tx(() => updateDepartment(s.requireBook(), req)),
  'departments.setActive': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => (setPartyActive(book, 'department', req.id, req.active), departmentRow(book, req.id)));
  },
  'categories.list': (_req, s) => listCategories(s.requireBook()),
  'categories.update': (req, s) => s.requireBook().tx(() => updateCategory(s.requireBook(), req)),
  'masters.lookup': (req, s) => lookup(s.requireBook(), req),
});
