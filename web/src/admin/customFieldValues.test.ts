import { customerFields, keyFromLabel, parseOptions, toApiValues, type FieldDefinition } from './customFieldValues';

const field = (key: string, type: string, extra: Partial<FieldDefinition> = {}): FieldDefinition =>
  ({ key, label: key, type, required: false, visibleToCustomers: true, retired: false, ...extra });

describe('custom field values', () => {
  it('offers customers only the visible, active fields', () => {
    const fields = [field('a', 'text'), field('b', 'text', { visibleToCustomers: false }), field('c', 'text', { retired: true })];
    expect(customerFields(fields).map((f) => f.key)).toEqual(['a']);
  });

  it('turns form input into the types ticket-service accepts', () => {
    const fields = [field('order', 'number'), field('when', 'date'), field('size', 'dropdown', { options: ['S', 'M'] }),
      field('extras', 'multi_select', { options: ['x', 'y'] }), field('gift', 'checkbox'), field('note', 'text'), field('blank', 'text')];
    expect(toApiValues(fields, { order: ' 12,5 ', when: '2026-11-22', size: 'M', extras: ['y', 'x', 'y'], gift: true, note: 'hi', blank: '' }))
      .toEqual({ values: { order: 12.5, when: '2026-11-22', size: 'M', extras: ['y', 'x'], gift: true, note: 'hi' }, problems: {} });
  });

  it('names the problem at each field before anything is sent', () => {
    const fields = [field('order', 'number', { required: true }), field('n', 'number'), field('when', 'date'),
      field('size', 'dropdown', { options: ['S'] }), field('extras', 'multi_select', { options: ['x'], required: true }),
      field('long', 'text')];
    expect(toApiValues(fields, { order: ' ', n: 'twelve', when: '2026-02-30', size: 'XL', extras: [], long: 'x'.repeat(10_001) }).problems)
      .toEqual({ order: 'required', n: 'number', when: 'date', size: 'option', extras: 'required', long: 'tooLong' });
  });

  it('answers an unticked checkbox with false, so a required checkbox never blocks', () => {
    expect(toApiValues([field('ok', 'checkbox', { required: true })], {})).toEqual({ values: { ok: false }, problems: {} });
  });

  it('reads options one per line or comma-separated, without blanks or repeats', () => {
    expect(parseOptions('Small\n medium , \nSmall\nLarge')).toEqual(['Small', 'medium', 'Large']);
  });

  it('suggests a lower snake case key from a label', () => {
    expect(keyFromLabel('Order number')).toEqual('order_number');
    expect(keyFromLabel('  2nd Größe! ')).toEqual('nd_grosse');
  });
});
