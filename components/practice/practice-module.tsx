'use client';
// A module's practice page: the brief (steps, keywords, target time), then recording the pitch — or scoring a
// transcript made elsewhere.
import { useQuery } from '@tanstack/react-query';
import { describeSeconds } from '@/components/coaching/format';
import { useTRPC } from '@/components/providers/trpc';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { Recorder } from './recorder';
import { SubmitTranscriptForm } from './submit-transcript-form';

export function PracticeModule({ organizationId, moduleId }: { organizationId: string; moduleId: string }) {
  const trpc = useTRPC();
  const module = useQuery(trpc.products.module.queryOptions({ id: moduleId }));
  return (
    <QueryState query={module} loadingLabel="Loading the module" rows={6} frame="page">
      {(m) => (
        <>
          <PageHeader eyebrow={m.productName} title={m.name} description={`Aim for ${describeSeconds(m.targetTime)}.`} />
          <div className="grid gap-6 lg:grid-cols-5">
            <Card aria-labelledby="brief-title" className="self-start lg:col-span-2">
              <CardHeader id="brief-title" title="The brief" />
              <CardBody className="space-y-5 text-sm">
                {m.instructions.length > 0 ? (
                  <ol className="list-decimal space-y-2 pl-5 text-zinc-800">
                    {m.instructions.map((step, i) => (
                      <li key={i}>{step}</li>
                    ))}
                  </ol>
                ) : (
                  <p className="text-zinc-500">No steps for this module: pitch as you would to a customer.</p>
                )}
                {m.keywords.length > 0 && (
                  <div>
                    <p className="mb-2 font-medium text-zinc-800">Work these in</p>
                    <ul className="flex flex-wrap gap-1.5">
                      {m.keywords.map((k) => (
                        <li key={k}>
                          <Badge tone="accent" wrap>
                            {k}
                          </Badge>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </CardBody>
            </Card>
            <div className="space-y-6 lg:col-span-3">
              <Card aria-labelledby="record-title">
                <CardHeader id="record-title" title="Record your pitch" description="Speak as you would to the customer. You can listen back before you submit." />
                <CardBody>
                  <Recorder organizationId={organizationId} moduleId={m.id} targetTime={m.targetTime} />
                </CardBody>
              </Card>
              <Card aria-labelledby="transcript-title">
                <CardHeader id="transcript-title" title="Score a transcript" description="Pitched without recording here? Type or paste what was said (plain text is fine), or upload WebVTT captions or JSON words with times." />
                <CardBody>
                  <SubmitTranscriptForm organizationId={organizationId} moduleId={m.id} />
                </CardBody>
              </Card>
            </div>
          </div>
        </>
      )}
    </QueryState>
  );
}
