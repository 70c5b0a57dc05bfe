import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getTable, listAutomations, listDepartments, listPeople, updateAutomation, type AutomationAction, type AutomationDto } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';

type Assign = Extract<AutomationAction, { kind: 'assign' }>;

/** One stage's owner rule, ready to show: the stage's name and who its pool holds. */
export interface StageOwnerRow {
  automation: AutomationDto;
  stage: string;
  departmentId: string | null;
  /** The department's name, or the listed people's names. */
  pool: string;
}

// The same key as Base's automations dialog, so a change in either place shows in both.
const automationsKey = (tableId: string) => ['base', 'automations', tableId] as const;

const assignOf = (a: AutomationDto): Assign | undefined => a.actions.find((x): x is Assign => x.kind === 'assign');

/** The customers table's stage-owner automations (a stage change that assigns someone), in stage order. */
export function useStageOwners(tableId: string) {
  const automations = useQuery({ queryKey: automationsKey(tableId), queryFn: async () => (await api(listAutomations, { params: { tableId } })).items });
  const table = useQuery({ queryKey: ['base', 'table', tableId], queryFn: () => api(getTable, { params: { tableId } }) });
  const departments = useQuery({ queryKey: ['crm', 'departments'], queryFn: async () => (await api(listDepartments, { query: {} })).items });
  const people = useQuery({ queryKey: ['crm', 'people'], queryFn: async () => (await api(listPeople, { query: { pageSize: 500 } })).items });
  const error = automations.error ?? table.error ?? departments.error ?? people.error;
  if (!automations.data || !table.data || !departments.data || !people.data) return { rows: null, departments: [], error };
  const deptName = new Map(departments.data.map((d) => [d.id, d.name]));
  const personName = new Map(people.data.map((p) => [p.id, p.name]));
  const rows: (StageOwnerRow & { order: number })[] = [];
  for (const a of automations.data) {
    const assign = assignOf(a);
    if (a.trigger.kind !== 'field_changed' || !assign) continue;
    const field = table.data.fields.find((f) => f.id === (a.trigger as { fieldId: string }).fieldId);
    const choices = (field?.options.choices ?? []) as { id: string; name: string }[];
    const to = a.trigger.to?.[0] ?? '';
    const order = choices.findIndex((c) => c.id === to || c.name === to);
    const { departmentId, userIds } = assign.pool;
    const names = [...(departmentId ? [deptName.get(departmentId) ?? departmentId] : []), ...userIds.map((id) => personName.get(id) ?? id)];
    rows.push({ automation: a, stage: choices[order]?.name ?? to, departmentId, pool: names.join('、'), order: order < 0 ? 99 : order });
  }
  rows.sort((x, y) => x.order - y.order);
  return { rows, departments: departments.data.filter((d) => d.active), error };
}

/**
 * Gives a stage to a whole department (its members take turns, newcomers included). A stage nobody owned (its rule was
 * off for want of a pool, as in a CRM an app created) is turned on with it.
 */
export function useSetStageDepartment(tableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ automation, departmentId }: { automation: AutomationDto; departmentId: string }) => {
      const pool = assignOf(automation)?.pool;
      const unowned = !automation.enabled && pool !== undefined && pool.userIds.length === 0 && !pool.departmentId;
      return api(updateAutomation, {
        params: { automationId: automation.id },
        body: {
          actions: automation.actions.map((x) => (x.kind === 'assign' ? { ...x, pool: { userIds: [], departmentId } } : x)),
          ...(unowned ? { enabled: true } : {}),
        },
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: automationsKey(tableId) }),
  });
}
