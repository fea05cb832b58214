import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { addRecordFormats } from '../metadata/create-ajv.js';
import type { FormValues } from './form-definition.js';

/**
 * The validator every generated form must use (the studio passes it to rjsf's `Form`), set up to
 * judge a value exactly as the server does: the same ajv dialect (2020-12) and the server's own
 * format implementations, not the older ajv-formats bundled with @rjsf/validator-ajv8, whose
 * date-time accepts a time without a zone that the server refuses.
 *
 * Not exported from index.ts: it pulls in @rjsf and React, which the server never needs.
 */
export function createFormValidator(): ValidatorType<FormValues, RJSFSchema> {
  return customizeValidator<FormValues, RJSFSchema>({
    // validator-ajv8 types the class as ajv's draft-07 Ajv; Ajv2020 shares its whole interface.
    AjvClass: Ajv2020 as unknown as NonNullable<Parameters<typeof customizeValidator>[0]>['AjvClass'],
    ajvFormatOptions: false,
    extenderFn: addRecordFormats,
  });
}
