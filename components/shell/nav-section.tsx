'use client';
// Which navigation link stands for the page when its address alone says wrong: a manager on a rep's session is in
// Teams, not in "My sessions". A page names its section with useNavSection; links not named keep following the path.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

type NavSectionState = { section: string | null; setSection: (href: string | null) => void };

const NavSectionContext = createContext<NavSectionState>({ section: null, setSection: () => {} });

export function NavSectionProvider({ children }: { children: ReactNode }) {
  const [section, setSection] = useState<string | null>(null);
  return <NavSectionContext.Provider value={{ section, setSection }}>{children}</NavSectionContext.Provider>;
}

/** The href of the link the current page belongs to (null: the path decides). */
export const useCurrentNavSection = () => useContext(NavSectionContext).section;

/** Marks the link at `href` as this page's section while the page is shown; `null` leaves it to the path. */
export function useNavSection(href: string | null) {
  const { setSection } = useContext(NavSectionContext);
  useEffect(() => {
    setSection(href);
    return () => setSection(null);
  }, [href, setSection]);
}
