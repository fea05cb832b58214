/* Generated from print-template.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {ApiName, LocalizedText} from './common.js';

/**
 * A printable document of one object's records (a purchase order, an invoice, a payment reminder): Handlebars HTML over the record, its parents and its related lists, rendered as HTML or PDF at /api/v1/records/<object>/<id>/print/<name>. Checked when saved: the template must compile, name fields of its object and use only the print helpers; triple braces {{{ }}}, partials and decorators are refused, so no record value reaches the page unescaped.
 */
export interface PrintTemplateDefinition {
  /**
   * API name of the template, unique in the tenant, e.g. purchase_order_pdf; the last part of its print URL.
   */
  name: ApiName;
  /**
   * API name of the object whose records it prints.
   */
  object: ApiName;
  /**
   * What the Print menu of a record page shows.
   */
  label?: LocalizedText;
  /**
   * A note for admins on what the template is for.
   */
  description?: string;
  /**
   * The document as Handlebars HTML. In scope: record (its fields; a lookup holds its parent record, e.g. {{record.supplier.name}}), related.<child object> (its child records through the one field pointing here, or related.<child object>__<field> when several do), company (name, address, logo), reader (name, language, timeZone), today. Helpers: date, datetime, number, money, percent, capitalAmount (大写金额), field, label, sum, count, eq, ne, gt, gte, lt, lte, and, or, not.
   */
  body: string;
  /**
   * Handlebars HTML printed above the body, with the same scope.
   */
  header?: string;
  /**
   * Handlebars HTML printed below the body, with the same scope.
   */
  footer?: string;
  page?: PrintPage;
  company?: PrintCompany;
}
/**
 * The paper: A4 portrait with 15 mm margins unless said otherwise.
 */
export interface PrintPage {
  /**
   * The paper size (default A4).
   */
  size?: 'A3' | 'A4' | 'A5' | 'B5' | 'Letter' | 'Legal';
  /**
   * Default portrait.
   */
  orientation?: 'portrait' | 'landscape';
  margins?: PrintMargins;
}
/**
 * Each margin in millimetres (default 15).
 */
export interface PrintMargins {
  top?: number;
  right?: number;
  bottom?: number;
  left?: number;
}
/**
 * The letterhead: {{company.name}}, {{company.address}} (in the reader's language) and {{company.logo}} (an image for <img src>).
 */
export interface PrintCompany {
  name?: LocalizedText;
  address?: {
    en?: string;
    'zh-CN'?: string;
    'zh-TW'?: string;
  };
  /**
   * The logo as a data: URL of a PNG, JPEG, GIF or WebP image (at most about 300 kB): printing never fetches anything.
   */
  logo?: string;
}
