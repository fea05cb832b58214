import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';

/** The engine's password rules (GET /auth/password-policy), stated before the admin types. */
export const passwordPolicyQuery = queryOptions({
  queryKey: ['auth', 'password-policy'],
  queryFn: () => api<{ minLength: number; maxLength: number }>('/auth/password-policy'),
  staleTime: Infinity,
});
