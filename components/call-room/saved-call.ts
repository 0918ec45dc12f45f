'use client';
// The customer's call, kept in this browser tab's storage, so a reload does not lose the call or its token.
export type SavedCall = { callId: string; callToken: string; firstName?: string; lastName?: string; email?: string; phone?: string };

const key = (organizationToken: string) => `pitchcraft.call.${organizationToken}`;

export function loadSavedCall(organizationToken: string): SavedCall | null {
  try {
    const raw = sessionStorage.getItem(key(organizationToken));
    return raw ? (JSON.parse(raw) as SavedCall) : null;
  } catch {
    return null;
  }
}

export function saveCall(organizationToken: string, call: SavedCall | null) {
  try {
    if (call) sessionStorage.setItem(key(organizationToken), JSON.stringify(call));
    else sessionStorage.removeItem(key(organizationToken));
  } catch {
    // Private browsing may refuse storage: the call still works until the page is closed.
  }
}
