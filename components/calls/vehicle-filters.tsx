'use client';
// The vehicle and date filters the calls and leads lists share (make, model and type as the VIN decoder names them,
// and the from/to days), each writing its URL parameter through the list's state.
import { cx } from '@/components/ui/cx';
import { FilterDate, FilterText } from '@/components/ui/list-filters';

type Props = { filters: Record<string, string>; setFilters: (changes: Record<string, string | null>) => void };

export function VehicleFilters({ filters, setFilters }: Props) {
  return (
    <>
      <FilterText label="Make" value={filters.carMake} onCommit={(v) => setFilters({ carMake: v })} placeholder="e.g. Toyota, Honda" />
      <FilterText label="Model" value={filters.carModel} onCommit={(v) => setFilters({ carModel: v })} placeholder="e.g. Corolla" />
      <FilterText label="Type" value={filters.carType} onCommit={(v) => setFilters({ carType: v })} placeholder="e.g. SUV, Pickup" />
    </>
  );
}

export function DateFilters({ filters, setFilters, className }: Props & { className?: string }) {
  return (
    <div className={cx('grid grid-cols-2 gap-2', className)}>
      <FilterDate label="From" value={filters.from} onCommit={(v) => setFilters({ from: v })} />
      <FilterDate label="To" value={filters.to} onCommit={(v) => setFilters({ to: v })} />
    </div>
  );
}
