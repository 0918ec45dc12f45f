// /{org}/products – the products reps pitch, and a form to add one.
import type { Metadata } from 'next';
import { ProductsPage } from '@/components/products/products-page';

export const metadata: Metadata = { title: 'Products' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <ProductsPage organizationId={org} />;
}
