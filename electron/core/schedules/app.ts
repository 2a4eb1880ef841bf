/** Schedule channels: create (with its optional payment voucher), list, run a period. */
import { defineHandlers } from '../service/handlers';
import { bookFeeIncome } from './fee-income';
import { createSchedule, getSchedule, listSchedules, runSchedules } from './schedules';

export const schedulesHandlers = defineHandlers({
  'schedules.list': (_req, s) => listSchedules(s.requireBook()),
  'schedules.create': (req, s) => {
    const book = s.requireBook();
    const id = book.tx(() => createSchedule(book, req));
    return getSchedule(book, id);
  },
  'schedules.run': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => runSchedules(book, req.period, req.scheduleId));
  },
  'schedules.feeIncome': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => bookFeeIncome(book, req));
  },
});
