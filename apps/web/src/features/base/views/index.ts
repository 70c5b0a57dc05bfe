import type { ComponentType } from 'react';
import type { TableDto, ViewDto } from '@concord/contracts';
import { CalendarView } from './calendar/calendar-view.tsx';
import { FormDesigner } from './form/form-designer.tsx';
import { GalleryView } from './gallery/gallery-view.tsx';
import { KanbanView } from './kanban/kanban-view.tsx';

export { CalendarView, FormDesigner, GalleryView, KanbanView };

export interface ViewComponentProps {
  table: TableDto;
  view: ViewDto;
}

/**
 * The component for each non-grid view type (the grid is the base page's own).
 * @example const View = viewComponents[view.type]; if (View) return <View table={table} view={view} />
 */
export const viewComponents: Partial<Record<ViewDto['type'], ComponentType<ViewComponentProps>>> = {
  kanban: KanbanView,
  gallery: GalleryView,
  calendar: CalendarView,
  form: FormDesigner,
};
