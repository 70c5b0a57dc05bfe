import { describe, expect, it } from 'vitest';
import { STAGES } from './crm-template.ts';
import { poolFor, stageOwnerAutomations } from './stage-owners.ts';

const stage = (key: string) => STAGES.find((s) => s.key === key)!;
const keyAccounts = {
  id: 'od-ka',
  name: '大客户部',
  members: [
    { id: 'ou_head', name: '王总', title: '大客户部总监' },
    { id: 'ou_se1', name: '李工', title: '售前解决方案工程师' },
    { id: 'ou_kam', name: '张经理', title: '大客户经理' },
    { id: 'ou_se2', name: '刘工', title: '售前解决方案工程师' },
  ],
};

describe('stage owner pools', () => {
  it('narrows a stage to the people with its role title', () => {
    expect(poolFor(stage('proposal'), [keyAccounts], 'ou_me')).toMatchObject({ userIds: ['ou_se1', 'ou_se2'], departmentId: null });
  });
  it('gives a stage without titles the whole department, so newcomers join the rotation', () => {
    expect(poolFor(stage('qualified'), [keyAccounts], 'ou_me')).toMatchObject({ userIds: [], departmentId: 'od-ka' });
  });
  it('falls back to the person who created the CRM when the directory has no such department', () => {
    expect(poolFor(stage('lead'), [], 'ou_me')).toMatchObject({ userIds: ['ou_me'], departmentId: null, members: ['ou_me'] });
  });
  it('makes one automation per stage in the CRM language: assign, then notify the assignee', () => {
    const pools = new Map(STAGES.map((s) => [s.key, poolFor(s, [keyAccounts], 'ou_me')]));
    const list = stageOwnerAutomations('en', { stage: 'fld_stage', stageOwner: 'fld_owner', company: 'fld_co' }, 'Company', pools);
    expect(list.map((a) => a.trigger)).toEqual(STAGES.map((s) => ({ kind: 'field_changed', fieldId: 'fld_stage', to: [s.name.en] })));
    expect(list[3]!.actions.map((a) => a.kind)).toEqual(['assign', 'notify']);
    expect(list[3]!.actions[1]).toMatchObject({ to: { fieldIds: ['fld_owner'] }, title: 'Customer moved to Proposal: {{Company}}' });
  });
});
