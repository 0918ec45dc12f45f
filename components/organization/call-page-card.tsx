'use client';
// The customer call page's address and a QR code of it to print for windshields and showroom stands.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';

export function CallPageCard({ callToken, organizationName }: { callToken: string; organizationName: string }) {
  const toast = useToast();
  const [url, setUrl] = useState('');
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    // The page's own origin: the address customers reach this app on.
    const address = `${window.location.origin}/call/${encodeURIComponent(callToken)}`;
    setUrl(address);
    QRCode.toString(address, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then(setSvg, () => setSvg(null));
  }, [callToken]);
  const download = () => {
    if (!svg) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    a.download = `${organizationName.replace(/[^\w-]+/g, '-').toLowerCase()}-call-page-qr.svg`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 5000);
  };
  return (
    <Card id="call-page" aria-labelledby="call-page-title">
      <CardHeader id="call-page-title" title="Customer call page" description="Customers open this page at a vehicle, enter its VIN and talk to an online dealer. Print the QR code for windshields and stands." />
      <CardBody className="flex flex-col gap-6 sm:flex-row sm:items-start">
        <div className="flex size-40 shrink-0 items-center justify-center rounded-lg border border-zinc-200 bg-white p-2">
          {svg ? <div role="img" aria-label={`QR code of ${url}`} className="size-full [&>svg]:size-full" dangerouslySetInnerHTML={{ __html: svg }} /> : <span className="text-xs text-zinc-500">QR code</span>}
        </div>
        <div className="min-w-0 flex-1 space-y-3">
          <label htmlFor="call-page-url" className="block text-sm font-medium text-zinc-800">
            Call page address
          </label>
          <Input id="call-page-url" readOnly value={url} onFocus={(e) => e.target.select()} className="font-mono text-xs" />
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              size="sm"
              onClick={() => void navigator.clipboard.writeText(url).then(() => toast('Address copied'), () => toast('Copy the address from the box', 'error'))}
            >
              Copy address
            </Button>
            <Button variant="secondary" size="sm" onClick={download} disabled={!svg}>
              Download QR code
            </Button>
            <a href={url} target="_blank" rel="noreferrer" className="inline-flex h-8 items-center px-2.5 text-sm font-medium text-accent-700 hover:underline">
              Open the page
            </a>
          </div>
        </div>
      </CardBody>
    </Card>
  );
}
