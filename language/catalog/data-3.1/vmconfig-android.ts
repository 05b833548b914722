import type { ArgSpec, HandlerSpec } from '../types.js';
import { configField, newIn31 } from './vmconfig-field.js';

const hostSide = 'Android fields configure the emulator that runs an Android VM on the host.';

const hostPath = (ex: string): ArgSpec => ({
  summary: 'Host path, taken as given (not joined to the files directory)',
  doc: `Example: \`${ex}\`. Omit it to print the current value.`,
});

/** The Android `vm config` fields, in minimega 3.1 registration order. */
export const vmconfigAndroidHandlers: readonly HandlerSpec[] = [
  configField('android-sdk', ['vm config android-sdk [value]'], {
    summary: 'Show or set the Android SDK directory used for Android VMs',
    shows: 'the SDK directory',
    about: [hostSide],
    examples: ['vm config android-sdk /opt/android-sdk'],
    arg: hostPath('/opt/android-sdk'),
    since23: newIn31,
  }),
  configField('android-emulator', ['vm config android-emulator [value]'], {
    summary: 'Show or set the Android emulator program used for Android VMs',
    shows: 'the emulator program',
    about: [hostSide],
    examples: ['vm config android-emulator /opt/android-sdk/emulator/emulator'],
    arg: { summary: 'Absolute path, or a program name found on the host `PATH`', doc: 'Example: `emulator`.' },
    since23: newIn31,
  }),
  configField('android-adb', ['vm config android-adb [value]'], {
    summary: 'Show or set the adb program used to talk to Android VMs',
    shows: 'the adb program',
    about: [hostSide],
    examples: ['vm config android-adb /opt/android-sdk/platform-tools/adb'],
    arg: { summary: 'Absolute path, or a program name found on the host `PATH`', doc: 'Example: `adb`.' },
    since23: newIn31,
  }),
  configField('android-avd', ['vm config android-avd [value]'], {
    summary: 'Show or set the Android Virtual Device that Android VMs run',
    shows: 'the AVD name',
    about: [hostSide],
    examples: ['vm config android-avd pixel_api_30'],
    arg: { summary: 'Name of an Android Virtual Device', doc: 'Example: `pixel_api_30`.' },
    since23: newIn31,
  }),
  configField('android-avd-dir', ['vm config android-avd-dir [value]'], {
    summary: 'Show or set the host directory that holds the Android Virtual Devices',
    shows: 'the AVD directory',
    about: [hostSide],
    examples: ['vm config android-avd-dir /srv/avd'],
    arg: hostPath('/srv/avd'),
    since23: newIn31,
  }),
  configField('android-no-window', ['vm config android-no-window [true,false]'], {
    summary: 'Show or set whether Android emulators run without a window on the host',
    shows: '`true` or `false`',
    about: [hostSide],
    examples: ['vm config android-no-window false'],
    arg: { on: 'Run the emulator without a window (the default)', off: 'Open an emulator window on the host' },
    since23: newIn31,
  }),
  configField('android-console-base-port', ['vm config android-console-base-port [value]'], {
    summary: 'Show or set the first console port handed out to Android emulators',
    shows: 'the port',
    about: [hostSide],
    examples: ['vm config android-console-base-port 5554'],
    after: ['The value must be an unsigned integer, else `strconv.ParseUint: parsing "<value>": invalid syntax`.'],
    arg: { summary: 'Port number, an unsigned integer', doc: 'Example: `5554`.', domain: 'uint' },
    since23: newIn31,
  }),
  configField('android-extra-args', ['vm config android-extra-args [value]...'], {
    summary: 'Show or set extra arguments for the Android emulators minimega starts',
    shows: 'the extra arguments, e.g. `[-no-audio -gpu off]`',
    about: [hostSide],
    examples: ['vm config android-extra-args -no-audio -gpu off'],
    arg: { summary: 'Emulator arguments, passed as they are', doc: 'Example: `-no-audio -gpu off`.', domain: 'text' },
    since23: newIn31,
  }),
  configField('android-writable-system', ['vm config android-writable-system [true,false]'], {
    summary: 'Show or set whether Android emulators get a writable system image',
    shows: '`true` or `false`',
    about: [hostSide],
    examples: ['vm config android-writable-system true'],
    arg: { on: 'Give the emulator a writable system image', off: 'Keep the system image read-only (the default)' },
    since23: newIn31,
  }),
];
