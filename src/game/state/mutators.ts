/** The middleware stack of the combined store, as each slice's StateCreator must declare it. */
export type StoreMutators = [['zustand/subscribeWithSelector', never], ['zustand/persist', unknown]];
