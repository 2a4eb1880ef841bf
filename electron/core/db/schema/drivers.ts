import type { Generated } from 'kysely';

export interface DriverValueTable {
  id: Generated<number>;
  period: string;
  driver: string;
  customer_id: number;
  value_milli: number;
  batch_id: number | null;
}

export interface TimesheetTable {
  id: Generated<number>;
  date: string;
  period: string;
  employee_id: number;
  customer_id: number;
  hours_milli: number;
  memo: string;
  batch_id: number | null;
}
