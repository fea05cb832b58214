/**
 * Who sees a definition whose schema says "the permission sets whose users see it; none: everyone"
 * (an app, a shared list view): everyone it may concern, or the users of some permission sets.
 */
export type Audience = 'everyone' | 'permissionSets';

/** The audience a definition's permission sets say. */
export function audienceOf(permissionSets: readonly string[] | undefined): Audience {
  return permissionSets && permissionSets.length > 0 ? 'permissionSets' : 'everyone';
}

/** The permission sets to save: none when the definition is for everyone, whatever was picked before. */
export function audienceSets(audience: Audience, permissionSets: readonly string[]): readonly string[] {
  return audience === 'permissionSets' ? permissionSets : [];
}
