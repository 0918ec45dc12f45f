'use client';
// Where practice starts: every product with its modules in order; pick one to read its brief and record.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/providers/trpc';
import { MicIcon } from '@/components/shell/nav-icons';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';

export function PracticePicker({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const choices = useQuery(trpc.products.moduleChoices.queryOptions());
  return (
    <>
      <PageHeader eyebrow="Coaching" title="Practice" description="Pick a module, read the brief, then record your pitch. You get a score and coaching right after." />
      <QueryState query={choices} loadingLabel="Loading modules" rows={6} frame="page">
        {(modules) => {
          if (modules.length === 0) {
            return (
              <Card>
                <EmptyState icon={<MicIcon />} title="Nothing to practise yet" description="Your managers have not added any training modules. Check back soon." />
              </Card>
            );
          }
          const products = [...new Map(modules.map((m) => [m.productId, m.productName])).entries()];
          return (
            <div className="grid gap-6 md:grid-cols-2">
              {products.map(([productId, productName]) => (
                <Card key={productId} aria-labelledby={`product-${productId}`}>
                  <CardHeader id={`product-${productId}`} title={productName} />
                  <ol className="divide-y divide-zinc-100">
                    {modules
                      .filter((m) => m.productId === productId)
                      .map((m, i) => (
                        <li key={m.id}>
                          <Link href={`/${organizationId}/practice/${m.id}`} className="flex items-center justify-between gap-3 px-6 py-3 text-sm hover:bg-zinc-50">
                            <span>
                              <span className="mr-2 text-zinc-500 tabular-nums">{i + 1}.</span>
                              <span className="font-medium text-zinc-900">{m.name}</span>
                            </span>
                            <span className="text-accent-600">Practise →</span>
                          </Link>
                        </li>
                      ))}
                  </ol>
                </Card>
              ))}
            </div>
          );
        }}
      </QueryState>
    </>
  );
}
