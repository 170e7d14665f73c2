/**
 * The booking operations: more than one generic request each, plugged into the catalogue's
 * declarations through `execute` (and `extraProperties` where they read parameters of their own).
 *
 * - Contact → Create or Update: `upsertContact`
 */
export { upsertContact } from './upsertContact';
