'use client';
// The customer call page's address and a QR code of it to print for windshields and showroom stands: in organization
// settings, and (compact) on the Console and the Calls page for everyone who takes calls.
import { useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { useTRPC } from '@/components/providers/trpc';
import { cx } from '@/components/ui/cx';

/** The call page card for whoever may hand out the page (owners, admins, dealers); nothing for the others. */
export function CallPageShortcut() {
  const trpc = useTRPC();
  const organization = useQuery(trpc.organization.get.queryOptions());
  const o = organization.data;
  return o?.callToken ? <CallPageCard callToken={o.callToken} organizationName={o.name} compact /> : null;
}

export function CallPageCard({ callToken, organizationName, compact = false }: { callToken: string; organizationName: string; compact?: boolean }) {
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
      <CardHeader
        id="call-page-title"
        title="Customer call page"
        description={
          compact
            ? 'Where customers ask for a call: give them the link, or print the QR code for windshields and stands.'
            : 'Customers open this page at a vehicle, enter its VIN and talk to an online dealer. Print the QR code for windshields and stands.'
        }
      />
      <CardBody className="flex flex-col gap-6 sm:flex-row sm:items-start">
        <div className={cx('flex shrink-0 items-center justify-center rounded-lg border border-zinc-200 bg-white p-2', compact ? 'size-28' : 'size-40')}>
          {svg ? <div role="img" aria-label={`QR code of ${url}`} className="size-full [&>svg]:size-full" dangerouslySetInnerHTML={{ __html: svg }} /> : <span className="text-xs text-zinc-500">QR code</span>}
        </div>
        <div className="min-w-0 flex-1 space-y-3">
          <label htmlFor={compact ? 'call-page-url-shortcut' : 'call-page-url'} className="block text-sm font-medium text-zinc-800">
            Call page address
          </label>
          <Input id={compact ? 'call-page-url-shortcut' : 'call-page-url'} readOnly value={url} onFocus={(e) => e.target.select()} className="font-mono text-xs" />
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
