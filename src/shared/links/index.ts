/** Links that restore a level attempt or a Lab setup, with controls a teacher hides. */
export {
  decodeSetup,
  encodeSetup,
  HIDE_PARAM,
  LINK_LIMITS,
  LINK_VERSION,
  readSetupLink,
  SETUP_PARAM,
  setupQuery,
  type LevelAttemptSetup,
  type LinkReadResult,
  type SharedSetup,
} from './setup-link';
export { LAB_HIDEABLE, labSetupProblems, type LabSetup, type LabTraining } from './lab-setup';
export { decodeBase64Url, encodeBase64Url } from './base64url';
