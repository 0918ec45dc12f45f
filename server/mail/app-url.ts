// Absolute links to the app for emails and messages, from its public URL (PUBLIC_URL, else NEXTAUTH_URL).
import { publicUrl } from '../env';

export const appUrl = (path: string) => `${publicUrl()}${path.startsWith('/') ? path : `/${path}`}`;
