using System.Xml;

namespace Erds.Evidence.Signing;

/// <summary>Child-index paths, to find in a clone the node that corresponds to one in the original.</summary>
internal static class NodePath
{
    public static int[] Of(XmlNode node)
    {
        var path = new List<int>();
        for (var current = node; current.ParentNode is { } parent; current = parent)
            path.Add(IndexIn(parent, current));
        path.Reverse();
        return [.. path];
    }

    public static XmlNode Resolve(XmlNode root, int[] path) =>
        path.Aggregate(root, (node, index) => node.ChildNodes[index]!);

    private static int IndexIn(XmlNode parent, XmlNode child)
    {
        for (var i = 0; i < parent.ChildNodes.Count; i++)
        {
            if (ReferenceEquals(parent.ChildNodes[i], child))
                return i;
        }
        throw new InvalidOperationException("Node is not a child of its parent.");
    }
}
