/**
 * The value schemas every contract file builds its requests from: one definition each, so a
 * rule (what an id, a date, an account code or a money amount is) is the same on every channel.
 * The second argument of .regex() is a hint key that shared/messages/validation.ts puts into words.
 */
import { z } from 'zod';
import { MAX_AMOUNT_FEN } from '../money';

/** A row id. */
export const id = z.number().int().positive();
/** An optional reference to a row: an id, null or left out. */
export const ref = id.nullish();
/** A calendar date as the UI writes it. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** An accounting period (month). */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
/** Money: whole fen, never a float, within ±MAX_AMOUNT_FEN (a larger one reads "金额超出范围", shared/messages/validation.ts). */
export const fen = z.number().int().min(-MAX_AMOUNT_FEN).max(MAX_AMOUNT_FEN);
/** A positive amount. */
export const positiveFen = fen.positive();
/** A chart account code: 4 digits, then 2 per level below. */
export const accountCode = z.string().regex(/^\d{4}(\d{2}){0,2}$/, 'account code');
/** A file the user picked or will save to. */
export const filePath = z.string().min(1).max(1024);
/** Keyset paging (define.ts Page): `after` is the opaque cursor of the last row seen. */
export const pageArgs = { after: z.string().max(200).nullish(), limit: z.number().int().min(1).max(1000).default(100) };
/** Paging through a searchable list. */
export const searchPageArgs = { ...pageArgs, search: z.string().max(100).optional() };
/** A range of periods, both ends included. */
export const periodRange = { from: periodSchema, to: periodSchema };
/** A master row's name (customer, employee, account, …). */
export const name = z.string().trim().min(1).max(200);
