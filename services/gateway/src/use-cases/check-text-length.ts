/** The one limit on every text the API accepts (MAX_TEXT_CHARS), checked before anything is stored. */
import { AppError } from '../errors.ts';
import type { UseCaseDeps } from './context.ts';

export function checkTextLength(deps: Pick<UseCaseDeps, 'config'>, field: string, text: string): void {
  if (text.length > deps.config.MAX_TEXT_CHARS) {
    throw new AppError(422, 'text_too_long', `${field} is ${text.length} characters; the limit is ${deps.config.MAX_TEXT_CHARS}`);
  }
}
