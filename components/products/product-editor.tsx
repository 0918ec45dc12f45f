'use client';
// One product: its details, its modules in order (drag or keyboard to reorder, edit in place, delete after a confirm),
// a form to add a module, and deleting the product with its modules. Reps see the same modules read-only.
import { arrayMove } from '@dnd-kit/sortable';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { describeSeconds } from '@/components/coaching/format';
import { readServerError } from '@/components/forms/server-error';
import { writeQueryData } from '@/components/providers/query-data';
import { useTRPC } from '@/components/providers/trpc';
import { BoxIcon } from '@/components/shell/nav-icons';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { useToast } from '@/components/ui/toast';
import type { ModuleDto, ProductDto } from '@/server/domain/products/product.schema';
import { ModuleForm } from './module-form';
import { ModuleList } from './module-list';
import { ProductDetailsForm } from './product-details-form';

export function ProductEditor({ organizationId, productId }: { organizationId: string; productId: string }) {
  const trpc = useTRPC();
  const product = useQuery(trpc.products.get.queryOptions({ id: productId }));
  return (
    <QueryState query={product} loadingLabel="Loading product" rows={6} frame="page">
      {(p) => <Editor organizationId={organizationId} product={p} />}
    </QueryState>
  );
}

function Editor({ organizationId, product }: { organizationId: string; product: ProductDto }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { can } = useOrganizationAccess();
  const canManage = can('products:manage');
  const modulesQuery = trpc.products.modules.queryOptions({ productId: product.id });
  const modules = useQuery(modulesQuery);
  const [deleting, setDeleting] = useState<ModuleDto | null>(null);
  const [deletingProduct, setDeletingProduct] = useState(false);

  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.products.pathFilter())]);
  const create = useMutation(trpc.products.createModule.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.products.updateModule.mutationOptions({ onSuccess: refresh }));
  const move = useMutation(
    trpc.products.updateModule.mutationOptions({
      onError: (error) => toast(`The order was not saved: ${readServerError(error).message}`, 'error'),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.products.deleteModule.mutationOptions({
      onSuccess: async () => {
        toast(`Module “${deleting?.name}” deleted`);
        setDeleting(null);
        await refresh();
      },
    }),
  );
  const removeProduct = useMutation(
    trpc.products.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.products.list.pathFilter());
        toast(`Product “${product.name}” deleted`);
        router.push(`/${organizationId}/products`);
      },
    }),
  );

  const onMove = (m: ModuleDto, position: number) => {
    const list = modules.data?.results ?? [];
    const from = list.findIndex((x) => x.id === m.id);
    // Shown in the new order at once; the server's order replaces it when the save returns. A refetch still on its
    // way from an earlier move would put the old order back under this one (and under a drag in progress): the write
    // cancels it first.
    void writeQueryData(queryClient, modulesQuery.queryKey, (old) => (old ? { ...old, results: arrayMove(old.results, from, position).map((x, i) => ({ ...x, position: i })) } : old));
    move.mutate({ id: m.id, patch: { position } });
  };

  return (
    <>
      <PageHeader
        eyebrow="Product"
        title={product.name}
        description={product.teamName ? `For the team ${product.teamName}` : 'For the whole organization'}
        action={
          canManage && (
            <Button variant="danger-ghost" onClick={() => (removeProduct.reset(), setDeletingProduct(true))}>
              Delete product
            </Button>
          )
        }
      />
      <div className="space-y-8">
        {canManage && (
          <Card aria-labelledby="details-title">
            <CardHeader id="details-title" title="Details" />
            <CardBody>
              <ProductDetailsForm key={product.updatedAt} product={product} />
            </CardBody>
          </Card>
        )}
        <Card aria-labelledby="modules-title">
          <CardHeader
            id="modules-title"
            title="Modules"
            description={canManage ? 'Reps practise these in this order. Drag a handle, or focus it and use Space and the arrow keys, to reorder.' : 'Practise these in order.'}
            action={
              canManage && (
                <p role="status" className="text-sm text-zinc-500">
                  {move.isPending ? 'Saving the order…' : move.isSuccess ? 'Order saved' : ''}
                </p>
              )
            }
          />
          <QueryState query={modules} loadingLabel="Loading modules" rows={4} frame="inset">
            {(data) =>
              data.count === 0 ? (
                <EmptyState icon={<BoxIcon />} title="No modules yet" description={canManage ? 'Add the first module below: what the rep should do, the keywords to use and a target time.' : 'Nothing to practise here yet.'} />
              ) : canManage ? (
                <ModuleList
                  modules={data.results}
                  onMove={onMove}
                  onSave={(m, fields) => update.mutateAsync({ id: m.id, patch: fields }).then(() => toast(`Module “${fields.name}” saved`))}
                  onDelete={(m) => (remove.reset(), setDeleting(m))}
                />
              ) : (
                <ol className="divide-y divide-zinc-100">
                  {data.results.map((m, i) => (
                    <li key={m.id} className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
                      <div className="min-w-0">
                        <p className="font-medium text-zinc-900">
                          {i + 1}. {m.name} <Badge className="ml-1">{describeSeconds(m.targetTime)}</Badge>
                        </p>
                        {m.instructions.length > 0 && (
                          <ol className="mt-1 list-decimal pl-5 text-sm text-zinc-600">
                            {m.instructions.map((step, j) => (
                              <li key={j}>{step}</li>
                            ))}
                          </ol>
                        )}
                      </div>
                      <Link href={`/${organizationId}/practice/${m.id}`} className={buttonClass('secondary', 'sm')}>
                        Practise
                      </Link>
                    </li>
                  ))}
                </ol>
              )
            }
          </QueryState>
        </Card>
        {canManage && (
          <Card aria-labelledby="add-module-title">
            <CardHeader id="add-module-title" title="Add a module" />
            <CardBody>
              <ModuleForm submitLabel="Add module" onSubmit={(fields) => create.mutateAsync({ productId: product.id, module: fields }).then((m) => toast(`Module “${m.name}” added`))} />
            </CardBody>
          </Card>
        )}
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        description="Reps can no longer practise it. Sessions already recorded keep their scores."
        confirmLabel="Delete module"
        busy={remove.isPending}
        error={remove.error ? readServerError(remove.error).message : null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
      <ConfirmDialog
        open={deletingProduct}
        title={`Delete “${product.name}”?`}
        description={`Its ${product.moduleCount} ${product.moduleCount === 1 ? 'module goes' : 'modules go'} with it. Sessions already recorded keep their scores. This cannot be undone.`}
        confirmLabel="Delete product"
        busy={removeProduct.isPending}
        error={removeProduct.error ? readServerError(removeProduct.error).message : null}
        onCancel={() => setDeletingProduct(false)}
        onConfirm={() => removeProduct.mutate({ id: product.id })}
      />
    </>
  );
}
