/** Main applies the policy both hosts share (backend/core/csp.ts); renderer tests still import it from here. */
export { contentSecurityPolicy, CSP_DIRECTIVES } from '../../backend/core/csp';
