'use client';
// The products page: what reps pitch, searchable and sortable, with a form to add one for those who build training.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { useTRPC } from '@/components/providers/trpc';
import { BoxIcon } from '@/components/shell/nav-icons';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Card, CardHeader } from '@/components/ui/card';
import { DateText } from '@/components/ui/date-text';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import type { ProductDto } from '@/server/domain/products/product.schema';
import { CreateProductForm } from './create-product-form';

export function ProductsPage({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const { can } = useOrganizationAccess();
  const url = useTableUrlState({ defaultOrdering: 'name', filterNames: ['search'] });
  const [search, setSearch] = useState(url.filters.search ?? '');
  const products = useQuery(
    trpc.products.list.queryOptions({ limit: url.limit, offset: url.offset, ordering: url.ordering, search: url.filters.search }, { placeholderData: (p) => p }),
  );
  const columns: DataTableColumn<ProductDto>[] = [
    {
      id: 'name',
      header: 'Product',
      cell: ({ row }) => (
        <Link href={`/${organizationId}/products/${row.original.id}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
          {row.original.name}
        </Link>
      ),
    },
    { id: 'team', header: 'Team', enableSorting: false, meta: { priority: 'low' }, cell: ({ row }) => row.original.teamName ?? <span className="text-zinc-500">Whole organization</span> },
    { id: 'modules', header: 'Modules', enableSorting: false, meta: { align: 'right' }, cell: ({ row }) => row.original.moduleCount },
    { id: 'updatedAt', header: 'Updated', cell: ({ row }) => <DateText value={row.original.updatedAt} /> },
  ];
  return (
    <>
      <PageHeader eyebrow="Coaching" title="Products" description="The products your reps pitch, each with its training modules." />
      <div className="space-y-8">
        {can('products:manage') && <CreateProductForm organizationId={organizationId} />}
        <Card aria-labelledby="products-title">
          <CardHeader
            id="products-title"
            title="All products"
            description={products.data ? `${products.data.count} ${products.data.count === 1 ? 'product' : 'products'}` : undefined}
            action={
              <form
                role="search"
                onSubmit={(e) => {
                  e.preventDefault();
                  url.setFilters({ search: search.trim() || null });
                }}
              >
                <Input type="search" aria-label="Search products" placeholder="Search products" value={search} onChange={(e) => setSearch(e.target.value)} onBlur={() => url.setFilters({ search: search.trim() || null })} className="w-full sm:w-56" />
              </form>
            }
          />
          <DataTable
            label="Products"
            columns={columns}
            query={products}
            rows={products.data?.results}
            count={products.data?.count}
            getRowId={(p) => p.id}
            url={url}
            loadingLabel="Loading products"
            empty={
              <EmptyState
                icon={<BoxIcon />}
                title={url.filters.search ? 'No product matches' : 'No products yet'}
                description={url.filters.search ? 'Try another name, or clear the search.' : can('products:manage') ? 'Create your first product above, then add the modules reps practise.' : 'Your managers have not set up any training yet.'}
              />
            }
          />
        </Card>
      </div>
    </>
  );
}
