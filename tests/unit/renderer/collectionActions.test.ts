import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CollectionInfo } from '../../../preload/contract';
import { collectionActions } from '../../../renderer/list/collectionActions';
import { uiI18n } from './uiI18n';

let t: TFunction;
beforeAll(async () => {
  t = (await uiI18n()).t;
});

const collection = (id: string, name: string) => ({ id, name }) as CollectionInfo;

describe('Add to a collection, in the row menu and the selection bar', () => {
  it('with no collection yet, one disabled item says so', () => {
    const [only, ...rest] = collectionActions([], ['a'], () => {}, t);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ label: t('collections.noneYet'), disabled: true });
  });

  it('one item a collection, adding exactly the bulletins given', () => {
    const added: [string, string[]][] = [];
    const ids = ['a', 'b'];
    const actions = collectionActions(
      [collection('c1', 'Darién route'), collection('c2', 'Follow up')],
      ids,
      (chosen, given) => added.push([chosen.id, given]),
      t,
    );
    expect(actions.map((action) => action.label)).toEqual(['Darién route', 'Follow up']);
    actions[1]?.run();
    ids.push('c'); // the selection changes later: what was added stays as it was
    expect(added).toEqual([['c2', ['a', 'b']]]);
    expect(collectionActions([collection('c1', 'x')], ids, () => {}, t, true)[0]?.disabled).toBe(true);
  });
});
