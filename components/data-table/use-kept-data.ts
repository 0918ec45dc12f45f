'use client';
// The last data a query succeeded with, kept while a newer request fails: a list that could not refresh keeps showing
// (and exporting) its last good rows, with the error beside them, instead of turning into an error.
import type { UseQueryResult } from '@tanstack/react-query';
import { useRef } from 'react';

export function useKeptData<T>(query: UseQueryResult<T, unknown>): T | undefined {
  const kept = useRef<T | undefined>(undefined);
  if (query.data !== undefined) kept.current = query.data;
  return query.data ?? kept.current;
}
