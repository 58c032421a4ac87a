import { eventHashOfText } from '../hash';

/** An event's hash from its stored row: the JSON text of data and metadata as the store keeps it. */
export const rowHash = eventHashOfText;
