// Moving between settings pages shows the page skeleton too: the organization's loading state only covers a change
// of its first segment (dashboard → settings), not settings/organization → settings/security.
export { default } from '../loading';
