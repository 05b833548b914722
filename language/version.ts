/** The mm release, shown by `mm --version`. */
export const VERSION = '0.1.0';
