import { createContext, useContext } from 'react';

/** Primary-field text of linked records by record id, filled by the grid for the rows on screen. */
export const LinkNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

export function useLinkName(id: string): string | undefined {
  return useContext(LinkNamesContext).get(id);
}

export function useLinkNameMap(): ReadonlyMap<string, string> {
  return useContext(LinkNamesContext);
}
