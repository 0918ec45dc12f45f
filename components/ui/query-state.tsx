'use client';
// What a query-backed panel shows before its data: the server's error with a retry, or a skeleton; then the data.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Card, CardBody } from './card';
import type { Refusal } from './access-refused';
import { QueryError } from './query-error';
import { SkeletonRows } from './skeleton';

type Frame = 'page' | 'inset' | 'bare';

// 'page' stands alone among cards, 'inset' sits inside a card's body area, 'bare' adds no frame.
const framed = (frame: Frame, node: ReactNode, loading: boolean) => {
  if (frame === 'inset') return <div className="px-6 py-5">{node}</div>;
  if (frame === 'page' && loading) {
    return (
      <Card>
        <CardBody>{node}</CardBody>
      </Card>
    );
  }
  return node;
};

export function QueryState<T>(props: { query: UseQueryResult<T, unknown>; loadingLabel: string; rows?: number; frame?: Frame; refusal?: Refusal; children: (data: T) => ReactNode }) {
  const { query, frame = 'bare' } = props;
  if (query.isError) return framed(frame, <QueryError error={query.error} onRetry={() => void query.refetch()} refusal={props.refusal} />, false);
  if (query.data === undefined) return framed(frame, <SkeletonRows rows={props.rows} label={props.loadingLabel} />, true);
  return <>{props.children(query.data)}</>;
}
