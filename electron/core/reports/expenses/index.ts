/** The client-expense reports (客户管理费用), in menu order. */
import { expenseByCategory } from './by-category';
import { expenseByCustomer, expenseByDepartment, expenseByEmployee } from './by-dimension';

export const expenseReports = [expenseByCategory, expenseByCustomer, expenseByEmployee, expenseByDepartment];
