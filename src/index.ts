// Public library API of adan. Each stage re-exports its typed entry points here.
export { UserError } from './util/errors.js';
