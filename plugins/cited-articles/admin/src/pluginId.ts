export const PLUGIN_ID = 'cited-articles';
