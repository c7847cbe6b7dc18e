// The iCalendar export's query: `kind` exactly as /v1/events takes it (the same list, the same 400 for an unknown one).
import { z } from 'zod';
import { EventsQuerySchema } from './params.js';

export const CalendarQuerySchema = z.strictObject({ kind: EventsQuerySchema.shape.kind });
export type CalendarQuery = z.output<typeof CalendarQuerySchema>;
