'use client';
// The vehicle and date filters the calls and leads lists share (make, model and type as the VIN decoder names them,
// and the from/to days), each bound to its URL parameter through the list's state.
import type { TableUrlState } from '@/components/data-table/use-table-url-state';
import { FilterDateRange, FilterText } from '@/components/ui/list-filters';

type Props = { list: Pick<TableUrlState, 'filter'> };

export function VehicleFilters({ list }: Props) {
  return (
    <>
      <FilterText label="Make" {...list.filter('carMake')} placeholder="e.g. Toyota, Honda" />
      <FilterText label="Model" {...list.filter('carModel')} placeholder="e.g. Corolla" />
      <FilterText label="Type" {...list.filter('carType')} placeholder="e.g. SUV, Pickup" />
    </>
  );
}

export function DateFilters({ list, className }: Props & { className?: string }) {
  return <FilterDateRange from={list.filter('from')} to={list.filter('to')} className={className} />;
}

/** How each filter is named on screen, for the note about a link's ignored filters. */
export const CALL_FILTER_LABELS: Record<string, string> = {
  name: 'Customer name',
  phone: 'Phone',
  status: 'Status',
  carMake: 'Make',
  carModel: 'Model',
  carType: 'Type',
  vin: 'VIN',
  dealerId: 'Dealer',
  from: 'From',
  to: 'To',
};
