// Secret values (cloud and registrar tokens, cold-tier keys): memory only. This store has no
// persist middleware on purpose: a reload forgets them and the user types them again.
import { create } from 'zustand';
import type { ProviderId } from '../constants/domain';
import type { DraftSecrets } from '../schemas/draft';
import { EMPTY_SECRETS } from '../lib/draft-defaults';

interface SecretsState {
  secrets: DraftSecrets;
  /**
   * Provider tokens set aside when the provider changed (memory only, like every secret): a
   * token belongs to its provider, so switching never carries it into another provider's field,
   * and switching back brings it back.
   */
  parkedTokens: Partial<Record<ProviderId, string>>;
  setSecret: (key: keyof DraftSecrets, value: string) => void;
  /** Sets the token aside for `from` and brings back `to`'s; true when a token was set aside. */
  switchProviderToken: (from: ProviderId, to: ProviderId) => boolean;
  clearSecrets: () => void;
}

export const useSecretsStore = create<SecretsState>()((set, get) => ({
  secrets: EMPTY_SECRETS,
  parkedTokens: {},
  setSecret: (key, value) => set((s) => ({ secrets: { ...s.secrets, [key]: value } })),
  switchProviderToken: (from, to) => {
    if (from === to) return false;
    const { secrets, parkedTokens } = get();
    const parked = { ...parkedTokens, [from]: secrets.providerToken };
    const providerToken = parked[to] ?? '';
    delete parked[to];
    set({ secrets: { ...secrets, providerToken }, parkedTokens: parked });
    return secrets.providerToken !== '';
  },
  clearSecrets: () => set({ secrets: EMPTY_SECRETS, parkedTokens: {} }),
}));
