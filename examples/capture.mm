# Packet captures and netflow on a two-network experiment, the way
# minimega's capture tutorial walks through it.
# Run it with:  npx mm run examples/capture.mm
# or on a simulated 3-node cluster:  npx mm run --nodes 3 examples/capture.mm
#
# The simulator records every capture as minimega does (relative file names
# go to the files directory, /tmp/minimega/files) and writes no file.

namespace capture-demo

# Two web servers on the LAN and the DMZ, four clients on the LAN.
vm config net lan dmz
vm launch kvm web[1-2]
vm config net lan
vm launch kvm client[1-4]
vm launch
vm start all

# Capture the DMZ interface (the second one, index 1) of each web server.
capture pcap vm web1 1 web1-dmz.pcap
capture pcap vm web2 1 web2-dmz.pcap
.columns Bridge,VM/interface,Path capture pcap

# Done with the web servers.
capture pcap delete vm all
clear namespace

# Bridge-wide captures run on the host that gets the command (the head node
# of a cluster): a pcap of every packet on the bridge, and netflow records
# written as text and sent to a collector.
capture pcap bridge mega_bridge everything.pcap
capture netflow bridge mega_bridge file flows.txt ascii
capture netflow bridge mega_bridge socket udp 127.0.0.1:2055 raw
capture

# Stop the netflow writers, then everything else.
capture netflow delete bridge all
.columns Bridge,Type,Path capture
clear capture
