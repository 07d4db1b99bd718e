// Secret values (cloud and registrar tokens, cold-tier keys): memory only. This store has no
// persist middleware on purpose: a reload forgets them and the user types them again.
import { create } from 'zustand';
import type { DraftSecrets } from '../schemas/draft';
import { EMPTY_SECRETS } from '../lib/draft-defaults';

interface SecretsState {
  secrets: DraftSecrets;
  setSecret: (key: keyof DraftSecrets, value: string) => void;
  clearSecrets: () => void;
}

export const useSecretsStore = create<SecretsState>()((set) => ({
  secrets: EMPTY_SECRETS,
  setSecret: (key, value) => set((s) => ({ secrets: { ...s.secrets, [key]: value } })),
  clearSecrets: () => set({ secrets: EMPTY_SECRETS }),
}));
