# Command and control with miniccc, the way minimega's cc tutorial walks
# through it: launch VMs that run the agent, then queue commands for them.
# Run it with:  npx mm run examples/cc.mm
# or on a simulated 3-node cluster:  npx mm run --nodes 3 examples/cc.mm
#
# A simulated VM runs no agent, so there are no clients and no responses;
# the filter, the prefix and the commands are kept exactly as minimega
# keeps them, which is what a dry run checks.

namespace cc-demo

vm config memory 1024
vm config net lan
vm config tag os linux
vm launch kvm linux[1-3]
vm config tag os windows
vm launch kvm win[1-2]
vm launch
vm start all

# Every command goes to the clients the current filter selects. A prefix
# labels the commands created under it, so they can be found and deleted
# together later.
cc prefix setup
cc exec hostname
cc background tcpdump -i eth0 -w /tmp/eth0.pcap

cc filter os=linux
cc exec ip addr
cc recv /etc/hostname /var/log/syslog

cc filter os=windows
cc exec ipconfig /all
clear cc filter

cc prefix cleanup
cc process killall tcpdump
clear cc prefix

# What was queued, and for whom
.columns "ID,prefix,command,background,receive files,filter" cc commands
cc clients
cc responses all

# The setup is done: forget its commands, keep the clean-up
cc delete command setup
.columns ID,prefix,command cc commands
