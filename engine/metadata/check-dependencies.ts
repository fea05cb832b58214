import type { ErrorDetail } from '../errors/index.js';
import type { ResolvedField } from '../fields/index.js';
import { msg } from '../i18n/message.js';

/**
 * Checks the fields that name other fields of their object: a dependent picklist against its
 * controlling field, a currency field against its currency-code and rate-date fields. The controller is
 * another picklist or a boolean of the same object, and the dependency names only real values
 * on both sides (a mistyped value would silently allow nothing).
 */
export function checkDependencies(fields: readonly ResolvedField[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const byName = new Map(fields.map((field) => [field.name, field]));
  fields.forEach((field, index) => {
    if ((field.type !== 'picklist' && field.type !== 'multipicklist') || !field.dependency) return;
    const path = `/fields/${index}`;
    const controller = byName.get(field.dependency.controllingField);
    if (!controller || controller === field || (controller.type !== 'picklist' && controller.type !== 'boolean')) {
      problems.push({ path: `${path}/controllingField`, message: msg`must name another picklist or boolean field of the object, not '${field.dependency.controllingField}'` });
      return;
    }
    const controllerValues = controller.type === 'boolean' ? ['true', 'false'] : controller.values.map((entry) => entry.value);
    const ownValues = new Set(field.values.map((entry) => entry.value));
    for (const [controlling, allowed] of Object.entries(field.dependency.allowed)) {
      if (!controllerValues.includes(controlling)) {
        problems.push({ path: `${path}/dependencies/${controlling}`, message: msg`'${controlling}' is not a value of ${controller.name}` });
      }
      allowed.forEach((value, i) => {
        if (!ownValues.has(value)) problems.push({ path: `${path}/dependencies/${controlling}/${i}`, message: msg`'${value}' is not a value of ${field.name}` });
      });
    }
  });
  fields.forEach((field, index) => {
    if (field.type !== 'currency') return;
    const code = field.currencyField ? byName.get(field.currencyField) : undefined;
    if (field.currencyField && (!code || (code.type !== 'picklist' && code.type !== 'text'))) {
      problems.push({ path: `/fields/${index}/currencyField`, message: msg`must name a picklist or text field of the object holding currency codes, not '${field.currencyField}'` });
    }
    const date = field.rateDate ? byName.get(field.rateDate) : undefined;
    if (field.rateDate && (!date || (date.type !== 'date' && date.type !== 'datetime'))) {
      problems.push({ path: `/fields/${index}/rateDate`, message: msg`must name a date field of the object, not '${field.rateDate}'` });
    }
  });
  return problems;
}
