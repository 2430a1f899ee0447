import { Injectable } from '@nestjs/common';
import type { Principal } from '@lms/core';

/**
 * Who besides the owner and administrators may see a media asset. The media lib does not know
 * courses; the courses lib implements this (a learner enrolled in a course sees its lessons'
 * videos) and registers it with `MediaAccessRegistry.register()` when its module starts.
 * Answers for sets of ids, so a lesson list asks once for all its assets.
 */
export interface MediaAccess {
  /** The subset of `assetIds` the principal may view. */
  viewableAssets(principal: Principal, assetIds: readonly string[]): Promise<ReadonlySet<string>>;
}

/** The MediaAccess implementations other libs registered; their answers are united. */
@Injectable()
export class MediaAccessRegistry {
  private readonly grants: MediaAccess[] = [];

  register(access: MediaAccess): void {
    if (!this.grants.includes(access)) this.grants.push(access);
  }

  async viewable(principal: Principal, assetIds: readonly string[]): Promise<Set<string>> {
    const allowed = new Set<string>();
    let remaining = [...assetIds];
    for (const access of this.grants) {
      if (remaining.length === 0) break;
      const granted = await access.viewableAssets(principal, remaining);
      for (const id of granted) allowed.add(id);
      remaining = remaining.filter((id) => !allowed.has(id));
    }
    return allowed;
  }
}
