/** A fen amount in a request: whole fen within ±MAX_AMOUNT_FEN (a larger one reads "金额超出范围", shared/messages/validation.ts). */
import { z } from 'zod';
import { MAX_AMOUNT_FEN } from '../money';

export const fenSchema = z.number().int().min(-MAX_AMOUNT_FEN).max(MAX_AMOUNT_FEN);
