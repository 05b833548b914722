# VLAN aliases are allocated from 101 (or from a namespace's own range).
vm config net dmz lan
vm config net
vlans

namespace lab
vlans range 200 210
vm config net internal
vlans
tap create internal name lab_tap
tap
