// /{org}/products/{id} – a product and its ordered training modules.
import type { Metadata } from 'next';
import { ProductEditor } from '@/components/products/product-editor';

export const metadata: Metadata = { title: 'Product' };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <ProductEditor organizationId={org} productId={id} />;
}
