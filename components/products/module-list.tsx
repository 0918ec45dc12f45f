'use client';
// A product's modules in order, reordered by dragging a handle or by keyboard (focus the handle, Space to lift, arrows
// to move, Space to drop, Escape to cancel); each can be edited in place or deleted after a confirm.
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState } from 'react';
import { describeSeconds } from '@/components/coaching/format';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import type { ModuleDto } from '@/server/domain/products/product.schema';
import { ModuleForm, type ModuleFields } from './module-form';

type Props = {
  modules: ModuleDto[];
  onMove: (module: ModuleDto, position: number) => void;
  onSave: (module: ModuleDto, fields: ModuleFields) => Promise<unknown>;
  onDelete: (module: ModuleDto) => void;
};

export function ModuleList({ modules, onMove, onSave, onDelete }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const nameOf = (id: unknown) => modules.find((m) => m.id === id)?.name ?? 'module';
  const placeOf = (id: unknown) => modules.findIndex((m) => m.id === id) + 1;

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const to = modules.findIndex((m) => m.id === over.id);
    const moved = modules.find((m) => m.id === active.id);
    if (moved && to >= 0) onMove(moved, to);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: 'To reorder, press Space to pick the module up, use the arrow keys to move it, Space again to drop it, or Escape to cancel.' },
        announcements: {
          onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}, position ${placeOf(active.id)} of ${modules.length}.`,
          onDragOver: ({ active, over }) => (over ? `${nameOf(active.id)} is over position ${placeOf(over.id)} of ${modules.length}.` : `${nameOf(active.id)} is no longer over a position.`),
          onDragEnd: ({ active, over }) => (over ? `${nameOf(active.id)} dropped at position ${placeOf(over.id)} of ${modules.length}.` : `${nameOf(active.id)} dropped.`),
          onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled; it stays at position ${placeOf(active.id)}.`,
        },
      }}
    >
      <SortableContext items={modules.map((m) => m.id)} strategy={verticalListSortingStrategy}>
        <ol aria-label="Modules" className="divide-y divide-zinc-100">
          {modules.map((m, i) => (
            <SortableModule key={m.id} module={m} index={i} editing={editing === m.id} onEdit={() => setEditing(m.id)} onDone={() => setEditing(null)} onSave={onSave} onDelete={onDelete} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function SortableModule(props: { module: ModuleDto; index: number; editing: boolean; onEdit: () => void; onDone: () => void; onSave: Props['onSave']; onDelete: Props['onDelete'] }) {
  const { module: m } = props;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: m.id });
  return (
    <li
      ref={setNodeRef}
      // Moved, never scaled: rows of different heights (one open for editing, one with long keywords) keep their own.
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cx('relative bg-white last:rounded-b-xl', isDragging && 'z-10 shadow-lg ring-1 ring-accent-200')}
      aria-label={m.name}
    >
      <div className="flex items-start gap-3 px-4 py-4 sm:px-6">
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="mt-0.5 flex size-8 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-700 active:cursor-grabbing"
          aria-label={`Reorder ${m.name}`}
          {...attributes}
          {...listeners}
        >
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
            <circle cx="7" cy="5" r="1.5" />
            <circle cx="13" cy="5" r="1.5" />
            <circle cx="7" cy="10" r="1.5" />
            <circle cx="13" cy="10" r="1.5" />
            <circle cx="7" cy="15" r="1.5" />
            <circle cx="13" cy="15" r="1.5" />
          </svg>
        </button>
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-center gap-2">
            <span className="text-sm text-zinc-500 tabular-nums">{props.index + 1}.</span>
            <span className="min-w-0 font-medium wrap-anywhere text-zinc-900">{m.name}</span>
            <Badge>{describeSeconds(m.targetTime)}</Badge>
          </p>
          {!props.editing && (
            <p className="mt-1 text-sm wrap-anywhere text-zinc-500">
              {m.instructions.length} {m.instructions.length === 1 ? 'step' : 'steps'} · {m.keywords.length ? m.keywords.join(', ') : 'no keywords'}
            </p>
          )}
        </div>
        {!props.editing && (
          <div className="flex shrink-0 gap-1">
            <Button variant="ghost" size="sm" onClick={props.onEdit} aria-label={`Edit ${m.name}`}>
              Edit
            </Button>
            <Button variant="danger-ghost" size="sm" onClick={() => props.onDelete(m)} aria-label={`Delete ${m.name}`}>
              Delete
            </Button>
          </div>
        )}
      </div>
      {props.editing && (
        <div className="border-t border-zinc-100 bg-zinc-50/60 px-4 py-5 sm:px-6">
          <ModuleForm module={m} submitLabel="Save module" onSubmit={(fields) => props.onSave(m, fields)} onCancel={props.onDone} onDone={props.onDone} />
        </div>
      )}
    </li>
  );
}

